// The subscriber pages' own tabs in the back office.
import Link from "next/link";

export function ReadersNav() {
  return (
    <nav className="admin-tabs" aria-label="读者与订阅">
      <Link href="/admin/readers">读者与订阅</Link> · <Link href="/admin/readers/codes">激活码</Link> · <Link href="/admin/readers/access">开放方式</Link>
    </nav>
  );
}
