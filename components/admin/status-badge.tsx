// An issue's status as a word and a colour: 草稿 / 定时 / 已发布.
const NAMES = { draft: "草稿", scheduled: "定时发布", published: "已发布" } as const;

export function StatusBadge({ status, scheduledAt }: { status: keyof typeof NAMES; scheduledAt?: string | null }) {
  const when = status === "scheduled" && scheduledAt
    ? new Date(scheduledAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })
    : null;
  return (
    <span className={`admin-badge admin-badge--${status}`}>
      {NAMES[status]}{when && <>：{when}</>}
    </span>
  );
}
