// GET /api/admin/codes/{batch}: a batch of activation codes as CSV, for admins only.
import { getCodeBatch, listCodesOfBatch } from "@/db/queries/codes";
import { authorizeRequest } from "@/app/(auth)/guards";

export const dynamic = "force-dynamic";

const csvCell = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s);

export async function GET(request: Request, { params }: { params: Promise<{ batch: string }> }) {
  const actor = await authorizeRequest(request, "admin");
  if (actor instanceof Response) return actor;
  const { batch } = await params;
  const b = /^[1-9][0-9]{0,9}$/.test(batch) ? getCodeBatch(Number(batch)) : null;
  if (!b) return new Response("Not Found", { status: 404, headers: { "cache-control": "private, no-store" } });
  const lines = [
    ["code", "paper", "plan", "days", "redeem_by", "used_at"].join(","),
    ...listCodesOfBatch(b.id).map((c) => [c.code, b.paperSlug, b.plan, String(b.days), b.redeemBy, c.usedAt ?? ""].map(csvCell).join(",")),
  ];
  return new Response("\uFEFF" + lines.join("\r\n") + "\r\n", {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="codes-${b.paperSlug}-${b.id}.csv"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
