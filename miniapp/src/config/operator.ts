import type { PolicyOperator } from '@ltx/shared/domain/privacy-policy';

/**
 * Who runs this deployment, as the privacy policy names them (the 个人信息处理者) and how to reach them. Filled by
 * the deploying organisation at build time (the stage's `operator` in config/stages.json, through scripts/with-stage.ts; see
 * docs/privacy.md); empty, the policy says it is not filled in yet and points to the organisation's administrator.
 */
export const operator: PolicyOperator = {
  name: process.env.TARO_APP_OPERATOR_NAME ?? '',
  contact: process.env.TARO_APP_OPERATOR_CONTACT ?? '',
};
