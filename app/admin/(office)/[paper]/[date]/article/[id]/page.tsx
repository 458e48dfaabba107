// One article: its fields and, piece by piece, its paragraphs (as printed on each page).
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireEditor } from "@/app/(auth)/guards";
import { getArticleForEdit } from "@/db/queries/edit-articles";
import { ArticleEditor } from "@/components/admin/article-editor";
import { issueOrNotFound } from "@/app/admin/_lib/load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ paper: string; date: string; id: string }> };

export async function generateMetadata({ params }: Params) {
  const { paper, date, id } = await params;
  return { title: `文章 ${id} · ${date} · ${paper} · 编辑后台` };
}

export default async function EditArticle({ params }: Params) {
  await requireEditor();
  const { paper, date, id } = await params;
  const issue = issueOrNotFound(paper, date);
  if (!/^[1-9][0-9]{0,9}$/.test(id)) notFound();
  const article = getArticleForEdit(issue.id, Number(id)) ?? notFound();
  const base = `/admin/${issue.paper.slug}/${issue.date}`;
  return (
    <>
      <p className="admin-crumbs">
        <Link href="/admin">报纸与期次</Link> › <Link href={base}>{issue.paper.name} {issue.date}</Link>
        {article.pieces[0] && <> › <Link href={`${base}/${article.pieces[0].pageLabel}`}>第{article.pieces[0].pageLabel}版</Link></>}
      </p>
      <h1>编辑文章</h1>
      <p><Link href={`/admin/preview/${issue.paper.slug}/${issue.date}/article/${article.id}`}>预览这篇文章</Link></p>
      <ArticleEditor issueRef={{ paper: issue.paper.slug, date: issue.date }} article={article} />
    </>
  );
}
