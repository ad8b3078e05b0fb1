import { Injectable } from '@nestjs/common';
import {
  Actor,
  AttachmentPurpose,
  Conflict,
  Forbidden,
  lifecycleMayStart,
  mayNominate,
  Nomination,
  nominatorGroups,
  parseNomination,
  PURPOSE_LABELS,
  requiredEvidence,
  retiredClusterRefusal,
  RuleViolation,
  Stage,
  t,
} from '@hardtech/domain';
import {
  AttachmentsRepository,
  ClustersRepository,
  EnterprisesRepository,
  ActivePolicyRepository,
  PolicyRepository,
} from '@hardtech/persistence';
import { LifecycleClient, LifecycleInput, lifecycleWorkflowId } from '@hardtech/temporal';

export interface NominationResult {
  creditCode: string;
  workflowId: string;
  stage: Stage;
  lifecycleNo: number;
}

@Injectable()
export class NominationsService {
  constructor(
    private readonly lifecycles: LifecycleClient,
    private readonly enterprises: EnterprisesRepository,
    private readonly clusters: ClustersRepository,
    private readonly policies: PolicyRepository,
    private readonly activePolicies: ActivePolicyRepository,
    private readonly attachments: AttachmentsRepository,
  ) {}

  /**
   * 二(一) 3 and 5 are proven by certificates: when the policy asks for them, the nominator uploads
   * them first (POST /api/attachments, subject nomination, purpose C3 / C5).
   */
  private async checkEvidence(actor: Actor, nomination: Nomination): Promise<void> {
    const missing = await this.missingEvidence(actor, nomination);
    if (!missing.length) return;
    throw new RuleViolation(
      'EVIDENCE_REQUIRED',
      t(
        `请先上传认定证书：${missing.map((p) => PURPOSE_LABELS[p].zh).join('、')}`,
        `upload the certificates first: ${missing.map((p) => PURPOSE_LABELS[p].en).join(', ')}`,
      ),
      missing.map((p) => ({ field: `evidence.${p}`, text: PURPOSE_LABELS[p] })),
    );
  }

  /**
   * The certificates the policy asks of this nomination that the nominator has not uploaded yet,
   * counting those `arriving` with it (a batch import's files).
   */
  async missingEvidence(
    actor: Actor,
    nomination: Nomination,
    arriving: readonly AttachmentPurpose[] = [],
  ): Promise<AttachmentPurpose[]> {
    if (!(await this.policies.active()).evidenceRequired) return [];
    const present = await this.attachments.pendingPurposes(nomination.creditCode, actor.username);
    return requiredEvidence(nomination).filter((p) => !present.includes(p) && !arriving.includes(p));
  }

  /** Validates the whole nomination (400), then checks who may nominate it (403). */
  async parse(actor: Actor, body: unknown): Promise<Nomination> {
    const { active, retired } = await this.clusters.codes();
    const cluster = typeof body === 'object' && body ? (body as { cluster?: unknown }).cluster : undefined;
    const refusal = retiredClusterRefusal('cluster', cluster, retired);
    if (refusal) throw refusal;
    const nomination = parseNomination(body, { clusters: active });
    if (!mayNominate(actor, nomination)) {
      throw new Forbidden(
        'NOMINATION_OUT_OF_SCOPE',
        t(
          '您只能推荐本辖区、本集群或本企业',
          'you may nominate only within your district, clusters or enterprise',
        ),
      );
    }
    return nomination;
  }

  /**
   * Starts the enterprise's lifecycle and answers once its SCREEN task is in the inbox. One active
   * lifecycle per credit code: the workflow id enforces it, the read model names the conflict.
   */
  async nominate(actor: Actor, nomination: Nomination): Promise<NominationResult> {
    const existing = await this.enterprises.findRow(nomination.creditCode);
    if (!lifecycleMayStart(existing)) throw this.duplicate();
    await this.checkEvidence(actor, nomination);
    const lifecycleNo = (existing?.lifecycleNo ?? 0) + 1;
    const input: LifecycleInput = {
      nomination,
      nominatedBy: actor,
      nominatorGroups: nominatorGroups(actor, nomination.district, nomination.creditCode),
      lifecycleNo,
      // The first run screens with it, reading none itself (issue 21.4).
      policy: await this.activePolicies.current(),
    };
    // Answers once the nomination is projected; its pending certificates are bound with it.
    const view = await this.lifecycles.start(input);
    if (!view) throw this.duplicate();
    const workflowId = lifecycleWorkflowId(nomination.creditCode);
    return { creditCode: nomination.creditCode, workflowId, stage: view.stage, lifecycleNo };
  }

  private duplicate(): Conflict {
    return new Conflict(
      'ACTIVE_LIFECYCLE_EXISTS',
      t('该企业已有进行中的流程', 'the enterprise already has an active lifecycle'),
    );
  }
}
