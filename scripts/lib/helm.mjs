// Helm and kubeconform, built once with `go install` into .tools/bin (like the Temporal tools),
// for `helm lint` / `helm template` of deploy/helm/hardtech and kubeconform's strict check of what
// it renders (test/ops/helm.test.ts).
import { goTool } from './go-tools.mjs';

export const HELM = { name: 'helm', pkg: 'helm.sh/helm/v4/cmd/helm', version: 'v4.3.2', what: 'Helm' };
export const KUBECONFORM = {
  name: 'kubeconform',
  pkg: 'github.com/yannh/kubeconform/cmd/kubeconform',
  version: 'v0.7.0',
  what: 'kubeconform',
};

export const helmBinary = () => goTool({ ...HELM, expected: '5–10 minutes on 2 cores' });
export const kubeconformBinary = () => goTool({ ...KUBECONFORM, expected: 'under a minute' });
