import { writeFileSync } from 'node:fs';
import { buildWorkflowBundle, WORKFLOW_BUNDLE_PATH } from './workflow-bundle';

buildWorkflowBundle()
  .then((code) => {
    writeFileSync(WORKFLOW_BUNDLE_PATH, code);
    console.log(`workflow bundle: ${WORKFLOW_BUNDLE_PATH} (${Math.round(code.length / 1024)} KiB)`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
