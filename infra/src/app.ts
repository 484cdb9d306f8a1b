import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BranchStack } from './stacks/branch-stack.js';
import { readStages, stackFor } from './stage-props.js';

const app = new App();

// The stage to synthesize or deploy (`-c stage=prod`); its settings are config/stages.json's, checked there.
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
if (stage !== 'dev' && stage !== 'prod') throw new Error(`stage must be dev or prod (the local stage runs without AWS: npm run dev), got "${stage}"`);
// Optional: bundle the domain modules from another folder (tests bundle a probe in their place).
const apiDir = app.node.tryGetContext('apiDir') as string | undefined;

const { stackName, props } = stackFor(readStages(), stage);
new BranchStack(app, stackName, { ...props, apiDir });

Tags.of(app).add('project', 'ltx-branch');
Tags.of(app).add('stage', stage);

// cdk-nag 3 is a policy-validation plugin: any unacknowledged finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
