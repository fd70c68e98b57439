// The reference gateway answers `msg` in the request's `lang`, as the real one
// does. Only the languages the stand-in needs; anything else falls back to English.
const MESSAGES = {
  'en-US': {
    headerInvalid: (name) => `Header "${name}" is missing or invalid.`,
    bodyInvalid: 'The request body must be a JSON object.',
    fieldRequired: (name) => `Field "${name}" is required.`,
    fieldInvalid: (name) => `Field "${name}" is invalid.`,
    emailInvalid: 'This email address is not valid.',
    phoneInvalid: 'This mobile number is not valid for the selected country.',
    countryUnknown: 'This country or region is not supported.',
    accountExists: 'An account with this login name already exists.',
    sendTooFrequent: (seconds) => `Please wait ${seconds} seconds before requesting another code.`,
    ticketInvalid: 'The verification ticket is not valid. Please request a new code.',
    ticketExpired: 'The verification code has expired. Please request a new code.',
    ticketUsed: 'This verification code has already been used. Please request a new code.',
    ticketMismatch: 'The verification code was not sent to this account.',
    codeWrong: (left) => `The verification code is incorrect. ${left} attempt(s) left.`,
    codeLocked: 'Too many incorrect codes. Please request a new code.',
    underReview: 'Your registration has been received and is under review.',
    faultRefusal: 'The service refused this request (injected fault).',
    notFound: 'No such service.',
  },
  'zh-CN': {
    headerInvalid: (name) => `请求头“${name}”缺失或无效。`,
    bodyInvalid: '请求体必须是 JSON 对象。',
    fieldRequired: (name) => `字段“${name}”为必填项。`,
    fieldInvalid: (name) => `字段“${name}”无效。`,
    emailInvalid: '邮箱地址无效。',
    phoneInvalid: '该手机号码对所选国家/地区无效。',
    countryUnknown: '不支持该国家或地区。',
    accountExists: '该登录账号已存在。',
    sendTooFrequent: (seconds) => `请等待 ${seconds} 秒后再获取验证码。`,
    ticketInvalid: '验证凭证无效，请重新获取验证码。',
    ticketExpired: '验证码已过期，请重新获取。',
    ticketUsed: '该验证码已被使用，请重新获取。',
    ticketMismatch: '该验证码不是发送给此账号的。',
    codeWrong: (left) => `验证码错误，还可尝试 ${left} 次。`,
    codeLocked: '验证码错误次数过多，请重新获取。',
    underReview: '注册申请已提交，正在审核中。',
    faultRefusal: '服务拒绝了此请求（注入的故障）。',
    notFound: '服务不存在。',
  },
};

/** @param {string | undefined} lang */
export function messagesFor(lang) {
  if (lang && MESSAGES[lang]) return MESSAGES[lang];
  const base = lang?.split('-')[0];
  const match = Object.keys(MESSAGES).find((tag) => tag.split('-')[0] === base);
  return MESSAGES[match ?? 'en-US'];
}
