/**
 * Error codes shared by the API and the mini-program, each with its HTTP status and the
 * Chinese sentence a user sees. Handlers never write their own messages: they throw an
 * error carrying one of these codes and the HTTP layer renders it in one place.
 */
export const errorCatalog = {
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  MALFORMED_PATH: { status: 400, message: '网址中有无法识别的字符，请检查后重试' },
  VALIDATION_FAILED: { status: 422, message: '填写的内容有误，请按提示修改' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '没有找到该记录' },
  ROUTE_NOT_FOUND: { status: 404, message: '没有这个接口' },
  CONFLICT: { status: 409, message: '记录已被他人修改，请刷新后重试' },
  ALREADY_BOUND: { status: 409, message: '该微信已绑定过党员档案' },
  INVITE_INVALID: { status: 404, message: '邀请码无效或已过期，请向支部书记索取新的邀请码' },
  WECHAT_LOGIN_FAILED: { status: 401, message: '微信登录失败，请重试' },
  HEALTH_CONSENT_REQUIRED: { status: 422, message: '保存健康信息前需要本人同意' },
  SESSION_CLOSED: { status: 409, message: '这次会议记录已经结束归档，不能直接修改；如需更正，请添加更正说明' },
  SESSION_NOT_HELD: { status: 409, message: '会议还没有开始，开过之后才能归档' },
  SESSION_NOT_STARTED: { status: 409, message: '会议还没有开始，不能登记出席、缺席或网上自学；请假和送学上门可以提前办理' },
  MINUTES_MISSING: { status: 409, message: '支部党员大会和支委会要有会议记录才能归档；确实没有记录的，请写明没有记录的原因再归档' },
  NOTHING_TO_UNDO: { status: 409, message: '没有可以撤销的“全部出席”：可能已经撤销过，或者之后又批量登记过' },
  UNDO_STALE: { status: 409, message: '“全部出席”之后又有人改过其中的出席记录，不能整体撤销；请逐人修改' },
  NOT_EXPECTED: { status: 422, message: '该党员不在这次会议的应到名单中' },
  UPLOAD_INVALID: { status: 422, message: '附件无效：请重新上传（只收 JPG、PNG、PDF 或 Excel（.xlsx），不超过 10 MB）' },
  VISIT_STATE: { status: 409, message: '这条送学上门记录的状态已经变了，不能这样操作，请刷新后再看' },
  VISIT_ALREADY_DELIVERED: { status: 409, message: '已经记录送过学了，不能再撤回申请；如果其实没有人来，请点“没有人来”' },
  ATTENDANCE_REPLACE: { status: 409, message: '这次学习已经登记过别的情况，为免误改，没有改动；请看清现在的登记，确认要更改再提交' },
  NOTHING_TO_WITHDRAW: { status: 409, message: '没有可以撤销的登记：可能已经撤销过，或者支部已改为别的情况，请刷新后再看' },
  WITHDRAW_CLOSED: { status: 409, message: '这次学习的记录已经归档，不能再撤销；如有出入，请告诉支部书记' },
  NO_SESSION: { status: 422, message: '近期没有可以送学的学习安排' },
  ALREADY_REVERSED: { status: 409, message: '这条积分记录已经更正过了，不能重复更正' },
  PERIOD_LOCKED: { status: 409, message: '该期间的台账已由督导签字确认，不能再修改。如需更正，请在本期新记一条，写明更正哪条记录和原因' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '这个请求编号已经用于另一项内容，请重新提交' },
  REQUEST_IN_PROGRESS: { status: 409, message: '同样的请求正在处理中，请稍等片刻再刷新查看' },
  ALREADY_DEPARTED: { status: 409, message: '该党员已登记为逝世或离开本支部；如登记有误，请先撤销这条登记' },
  NOT_DEPARTED: { status: 409, message: '该党员没有逝世或离开本支部的登记，无需撤销' },
  TRANSFER_PENDING: { status: 409, message: '该党员已有一条待接收的组织关系转接，请等对方接收，或先撤回那一条' },
  TRANSFER_NOT_PENDING: { status: 409, message: '这条组织关系转接已经办结（已接收、未接收或已撤回），不能再办理' },
  TRANSFER_STALE: { status: 409, message: '该党员已不在转出支部的名册上，这条转接不能接收；请与转出支部联系' },
  PERIOD_NOT_ENDED: { status: 409, message: '这个期间还没有结束，结束后才能签字' },
  INVITE_ATTEMPTS_EXCEEDED: { status: 429, message: '邀请码输错次数太多，请 15 分钟后再试；请先向给您邀请码的人核对一下' },
  ROLE_WITHDRAWN: { status: 401, message: '您的职务已被收回，这个账号不能再办理原来的事项；如有疑问，请联系组织的管理员' },
  SESSION_OUTDATED: { status: 401, message: '您的职务或权限已经变更，请重新登录' },
  SELF_WITHDRAW: { status: 409, message: '不能收回或变更自己的职务，请由另一位管理员办理' },
  ROSTER_HAS_ERRORS: { status: 422, message: '花名册中有填写错误的行：请改正后重新上传，或确认只导入没有错误的行' },
  ROSTER_CHANGED: { status: 409, message: '检查之后，本支部的党员信息有了变动，请重新上传花名册检查后再导入' },
  ROSTER_FILE_INVALID: { status: 422, message: '无法读取这个文件：请用下载的模板填写，保存为 Excel（.xlsx）文件后重新上传' },
  POINTS_OFF: { status: 409, message: '本组织不实行积分管理，不能再记分；以前的积分记录仍然保留' },
  FEEDBACK_ANSWERED: { status: 409, message: '这条意见反馈已经答复过了，请刷新后查看答复' },
  ORG_CLOSED: { status: 409, message: '该组织或支部已撤销，只能查看，不能再修改或在其下新建' },
  ORG_NOT_EMPTY: { status: 409, message: '其下还有未撤销的组织或支部，请先把它们调整到别处或撤销，再撤销本组织' },
  CONTENT_FLAGGED: { status: 422, message: '有的内容不适合发布，请修改后再提交' },
  CONTENT_CHECK_UNAVAILABLE: { status: 503, message: '暂时无法完成内容安全检查，内容还没有保存，请稍后再提交' },
  CONSOLE_LOGIN_EXPIRED: { status: 410, message: '电脑上的登录二维码已经过期，请在电脑上刷新页面，再用小程序扫新的二维码' },
  CONSOLE_LOGIN_USED: { status: 409, message: '这个登录二维码已经确认过了，不能再次使用；如需再登录，请在电脑上刷新页面重新扫码' },
  CONSOLE_LOGIN_BUSY: { status: 429, message: '查询登录结果太频繁，请在电脑上刷新页面重新扫码' },
  WXA_CODE_UNAVAILABLE: { status: 503, message: '暂时无法生成登录二维码，请稍后刷新页面再试' },
  PUSH_SIGNATURE_INVALID: { status: 401, message: '消息推送的签名不正确' },
  INTERNAL: { status: 500, message: '服务暂时出了点问题，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `care.emergencyContacts.0.phone`. */
  path: string;
  /** Chinese message naming the field. */
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldIssue[] };
}
