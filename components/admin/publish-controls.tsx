// Preview, publish now, schedule, unpublish. Readers see only published issues.
import Link from "next/link";
import type { IssueForEdit } from "@/db/queries/edit-issues";
import { publishAction, scheduleAction, unpublishAction } from "@/app/admin/_actions/issues";
import { ActionForm } from "./action-form";
import { TimezoneInput } from "./timezone-input";

export function PublishControls({ issue, hasPages, uncertainLinks = 0 }: { issue: IssueForEdit; hasPages: boolean; uncertainLinks?: number }) {
  const ref = { paper: issue.paper.slug, date: issue.date };
  // Publishing with links nobody has checked needs the editor's explicit word (the server refuses otherwise).
  const confirmBox = uncertainLinks > 0 && (
    <label className="admin-confirm-links">
      <input type="checkbox" name="confirmLinks" value="1" /> 已核对全部转版（{uncertainLinks} 处待核对）
    </label>
  );
  return (
    <section className="admin-card admin-publish" aria-label="发布">
      {hasPages && <Link className="admin-button" href={`/admin/preview/${ref.paper}/${ref.date}`}>预览</Link>}
      {issue.status === "published" ? (
        <>
          <Link className="admin-button" href={`/${ref.paper}/${ref.date}`}>查看读者页面</Link>
          <ActionForm action={unpublishAction} hidden={ref} submit="撤回发布" confirm="撤回后读者将看不到这一期，确定吗？" className="admin-form--inline" />
        </>
      ) : (
        <>
          <ActionForm action={publishAction} hidden={ref} submit="立即发布" className="admin-form--inline" confirm={hasPages ? undefined : "这一期还没有版面，仍要发布吗？"}>
            {confirmBox}
          </ActionForm>
          <ActionForm action={scheduleAction} hidden={ref} submit="定时发布" className="admin-form--inline" label="定时发布">
            <label>发布时间 <input type="datetime-local" name="at" required /></label>
            <TimezoneInput />
            {confirmBox}
          </ActionForm>
          {issue.status === "scheduled" && (
            <ActionForm action={unpublishAction} hidden={ref} submit="取消定时" className="admin-form--inline" />
          )}
        </>
      )}
    </section>
  );
}
