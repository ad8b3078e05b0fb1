import { createCast, createUser } from '../support/cast';
import { complete, eventually, expectOk, JUDGMENTS, nominationFor } from '../support/lifecycle';
import { closeTemporal } from '../support/temporal';
import { workflowsMatching } from '../support/visibility';

// Issue 6 §6: operators find lifecycles with `temporal workflow list --query` on the typed search
// attributes, kept current: District follows a supplement's correction, Cluster the lead cluster
// assigned at admission, Stage every stage.
afterAll(closeTemporal);

it('District follows a corrected nomination, Cluster the lead cluster, Stage the stage', async () => {
  const c = await createCast('500114', 'T2');
  const found = (query: string) =>
    eventually(async () => {
      const runs = await workflowsMatching(
        `CreditCode='${c.creditCode}' AND ExecutionStatus='Running' AND ${query}`,
      );
      return runs.length === 1 && runs;
    });
  await expectOk(c.districtOfficer.api.post('/api/nominations', nominationFor(c)), 201);
  await found(`Stage='screening' AND District='500114' AND Cluster='T2'`);

  // The nominator corrects the district: the enterprise moved to 500115 before the screening.
  await expectOk(
    complete(c.coordinator.api, c.creditCode, 'SCREEN', 'request_info', { questions: '请核实所在区县' }),
  );
  await found(`Stage='supplement'`);
  await expectOk(
    complete(c.districtOfficer.api, c.creditCode, 'SUPPLEMENT', 'submit', {
      corrections: { district: '500115' },
    }),
  );
  await found(`Stage='screening' AND District='500115'`);
  expect(await workflowsMatching(`CreditCode='${c.creditCode}' AND District='500114'`)).toEqual([]);

  // Admitted with another lead cluster (T1) than the enterprise's own (T2).
  const district = await createUser('district_officer', { districts: ['500115'] });
  await expectOk(complete(c.coordinator.api, c.creditCode, 'SCREEN', 'pass', { judgments: JUDGMENTS }));
  await expectOk(complete(district.api, c.creditCode, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' }));
  await expectOk(complete(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM', 'confirm', {}));
  await expectOk(
    complete(c.coordinator.api, c.creditCode, 'ADMIT', 'admit', {
      leadCluster: 'T1',
      commissioner: c.commissioner.username,
      districtLiaison: district.username,
    }),
  );
  const [run] = await found(`Stage='diagnosis' AND District='500115' AND Cluster='T1'`);
  expect(run.workflowId).toBe(`enterprise/${c.creditCode}`);
  expect(await workflowsMatching(`CreditCode='${c.creditCode}' AND Cluster='T2'`)).toEqual([]);
});
