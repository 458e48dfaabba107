// One error model for the back office, the reader's API, uploads and the command line: a typed
// code that says what went wrong, the HTTP status it maps to, and a message in plain Chinese fit
// to show an editor or a reader. Database details and stack traces never travel with it; the
// server logs the cause beside it.

export type ErrorCode =
  | "invalid" // the input is wrong: say what to change
  | "not_found"
  | "conflict" // the record exists, or changed under the editor
  | "unconfirmed" // needs the editor's explicit confirmation (uncertain jump links)
  | "unauthorized"
  | "forbidden"
  | "too_large"
  | "unprocessable" // a well-formed request whose content cannot be used (a file that is no scan)
  | "too_many" // throttled
  | "busy" // the database's write lock is held: retry shortly
  | "storage_full"
  | "unavailable" // a tool or service the request needs is missing
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unconfirmed: 409,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  unprocessable: 422,
  too_many: 429,
  busy: 503,
  storage_full: 507,
  unavailable: 503,
  internal: 500,
};

const FALLBACK: Record<ErrorCode, string> = {
  invalid: "输入有误，请检查后重试",
  not_found: "没有找到",
  conflict: "记录已存在或已被他人修改，请刷新后重试",
  unconfirmed: "请先确认后再继续",
  unauthorized: "请先登录",
  forbidden: "没有权限进行此操作",
  too_large: "文件太大",
  unprocessable: "无法处理这个文件",
  too_many: "尝试次数过多，请稍后再试",
  busy: "系统繁忙，请稍后重试",
  storage_full: "服务器存储空间已满，请联系管理员",
  unavailable: "服务暂不可用，请稍后重试",
  internal: "操作失败，请重试；问题持续请联系管理员",
};

/** An expected failure, with its code and a message fit for the person who caused it. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string = FALLBACK[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** A request the data refuses (duplicate, missing record …), with a message fit for the UI. */
export class EditError extends AppError {
  constructor(code: "not_found" | "conflict" | "invalid" | "unconfirmed", message: string) {
    super(code, message);
  }
}

/** What to show for any thrown value: an AppError's own message, else the generic one. */
export function publicMessage(e: unknown): string {
  return e instanceof AppError ? e.message : FALLBACK.internal;
}

export function statusOf(e: unknown): number {
  return e instanceof AppError ? e.status : 500;
}
