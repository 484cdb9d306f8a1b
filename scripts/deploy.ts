/**
 * `npm run deploy -- --stage prod [--dry-run] [--version 1.2.0] [--desc …] [--robot 1]`: the fast tests
 * (typecheck, lint, unit), `cdk deploy` of the stage's stack, the weapp build for the stage, its upload with
 * miniprogram-ci (the robot key file named by WECHAT_CI_PRIVATE_KEY_PATH), then what the operator must still do
 * in WeChat's console. `--dry-run` prints the plan and runs nothing (no AWS, no WeChat, no file written).
 * The stages file is config/stages.json, or LTX_STAGES_FILE (tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStages } from '../shared/src/config/stages';
import { DeployRefusal, describePlan, operatorTodo, parseDeployArgs, planDeploy, type DeployPlan } from './deploy/plan';

const root = fileURLToPath(new URL('..', import.meta.url));

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function uploadWeapp(plan: DeployPlan): Promise<void> {
  // Loaded only here: about 1,100 packages, and a dry run never needs them.
  const { default: ci } = await import('miniprogram-ci');
  const u = plan.upload;
  const project = new ci.Project({ appid: u.appid, type: 'miniProgram', projectPath: `${root}${u.projectPath}`, privateKeyPath: u.privateKeyPath!, ignores: ['node_modules/**/*'] });
  const result = await ci.upload({ project, version: u.version, desc: u.desc, robot: u.robot, setting: { es6: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true } });
  console.log(`已上传：${JSON.stringify(result.subPackageInfo ?? result)}`);
}

async function main(): Promise<number> {
  const args = parseDeployArgs(process.argv.slice(2));
  const stagesFile = process.env.LTX_STAGES_FILE ?? `${root}config/stages.json`;
  const miniapp = readJson(`${root}miniapp/package.json`) as { version: string };
  const plan = planDeploy(parseStages(readJson(stagesFile)), args, process.env, { version: miniapp.version });
  console.log(describePlan(plan));
  if (args.dryRun) {
    console.log('\n（演练：以上命令一条也没有执行。）');
    return 0;
  }
  for (const [i, c] of plan.commands.entries()) {
    console.log(`\n== ${i + 1}. ${c.title}`);
    // cdk writes the stack's outputs there (for the DNS record and the operator's next steps).
    if (c.argv.includes('--outputs-file')) mkdirSync(dirname(`${root}${plan.outputsFile}`), { recursive: true });
    const r = spawnSync(c.argv[0]!, c.argv.slice(1), { cwd: `${root}${c.cwd ?? ''}`, env: { ...process.env, ...c.env }, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`\n第 ${i + 1} 步「${c.title}」失败（退出码 ${r.status ?? r.error?.message}），部署停止；之前的步骤已完成。`);
      return 1;
    }
  }
  console.log(`\n== ${plan.commands.length + 1}. 上传小程序`);
  await uploadWeapp(plan);
  console.log(`\n${operatorTodo(plan).join('\n')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A refusal or a bad stages file: the message names the setting; anything else keeps its stack.
    console.error(error instanceof DeployRefusal || (error as Error).message?.startsWith('config/stages.json') ? (error as Error).message : error);
    process.exit(2);
  },
);
