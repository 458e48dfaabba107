// Page objects for the back office: what an editor does, in the words of the UI. No assertions.
import type { Page } from "@playwright/test";

export const DEMO_EDITOR = { email: "editor@linlan.example", password: "linlan-demo-2026" };

export class SigninPage {
  constructor(readonly page: Page) {}
  async signIn(email: string, password: string) {
    await this.page.goto("/signin");
    await this.page.getByLabel("邮箱").fill(email);
    await this.page.getByLabel("密码").fill(password);
    await this.page.getByRole("button", { name: "登录" }).click();
  }
  error() {
    return this.page.locator(".signin-error");
  }
}

export class AdminHome {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto("/admin");
  }
  async createIssue(paperName: string, date: string, number: string) {
    const form = this.page.getByRole("form", { name: `${paperName} 新建一期` });
    await form.getByLabel("日期").fill(date);
    await form.getByLabel("期号").fill(number);
    await form.getByRole("button", { name: "新建一期" }).click();
  }
  issueLink(date: string) {
    return this.page.getByRole("link", { name: date, exact: true });
  }
}

export class IssueEditor {
  constructor(readonly page: Page, readonly paper: string, readonly date: string) {}
  async open() {
    await this.page.goto(`/admin/${this.paper}/${this.date}`);
  }
  async addPage(label: string, section: string) {
    const form = this.page.getByRole("form", { name: "添加版面" });
    await form.getByLabel("版次").fill(label);
    await form.getByLabel("版名").fill(section);
    await form.getByRole("button", { name: "添加版面" }).click();
  }
  pageRow(label: string) {
    return this.page.locator(`tr[data-page-label="${label}"]`);
  }
  async upload(files: string[]) {
    await this.page.getByLabel(/^文件/).setInputFiles(files);
    await this.page.getByRole("button", { name: "上传", exact: true }).click();
  }
  uploadList() {
    return this.page.getByRole("list", { name: "上传进度" });
  }
  /** The issue drop: an issue's PDFs at once. */
  async dropPdfs(files: string[]) {
    await this.page.getByLabel(/^把本期的 PDF 拖到这里/).setInputFiles(files);
  }
  importList() {
    return this.page.getByRole("list", { name: "导入进度" });
  }
  linkedJumps() {
    return this.page.getByRole("list", { name: "已接上的转版" });
  }
  openJumps() {
    return this.page.getByRole("list", { name: "未接上的下转" });
  }
  status() {
    return this.page.locator("h1 .admin-badge");
  }
  async publishNow() {
    await this.page.getByRole("button", { name: "立即发布" }).click();
  }
}

export class PageTextEditor {
  constructor(readonly page: Page) {}
  async paste(text: string) {
    await this.page.getByLabel("粘贴本版文字").fill(text);
    await this.page.getByRole("button", { name: "识别" }).click();
  }
  piece(n: number) {
    return this.page.getByRole("group", { name: `第${n}篇` });
  }
  async save() {
    await this.page.getByRole("form", { name: "保存识别结果" }).getByRole("button", { name: "保存本版文字" }).click();
  }
  saveStatus() {
    return this.page.getByRole("form", { name: "保存识别结果" }).locator(".admin-status");
  }
}
