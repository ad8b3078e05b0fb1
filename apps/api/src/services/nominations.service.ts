import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppConfig, CONFIG } from '@hardtech/config';
import {
  Actor,
  Conflict,
  FINAL_STAGES,
  Forbidden,
  mayNominate,
  Nomination,
  nominatorGroups,
  parseNomination,
  Stage,
  t,
} from '@hardtech/domain';
import {
  awaitOpenedUpdate,
  CLUSTER,
  CREDIT_CODE,
  DISTRICT,
  LIFECYCLE_WORKFLOW_TYPE,
  LifecycleInput,
  lifecycleWorkflowId,
  STAGE,
  TEMPORAL_CLIENT,
} from '@hardtech/temporal';
import { ClustersRepository } from '../repositories/clusters.repository';
import { EnterprisesRepository } from '../repositories/enterprises.repository';

export interface NominationResult {
  creditCode: string;
  workflowId: string;
  stage: Stage;
  lifecycleNo: number;
}

@Injectable()
export class NominationsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly enterprises: EnterprisesRepository,
    private readonly clusters: ClustersRepository,
  ) {}

  /** Validates the whole nomination (400), then checks who may nominate it (403). */
  async parse(actor: Actor, body: unknown): Promise<Nomination> {
    const nomination = parseNomination(body, { clusters: await this.clusters.activeCodes() });
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
    if (existing && !FINAL_STAGES.includes(existing.stage)) throw this.duplicate();
    const lifecycleNo = (existing?.lifecycleNo ?? 0) + 1;
    const workflowId = lifecycleWorkflowId(nomination.creditCode);
    const input: LifecycleInput = {
      nomination,
      nominatedBy: actor,
      nominatorGroups: nominatorGroups(actor, nomination.district, nomination.creditCode),
      lifecycleNo,
    };
    let handle;
    try {
      handle = await this.client.workflow.start(LIFECYCLE_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        // A rejected or exited enterprise may be nominated again: a new run of the same id.
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
        typedSearchAttributes: [
          { key: STAGE, value: 'screening' },
          { key: DISTRICT, value: nomination.district },
          { key: CLUSTER, value: nomination.cluster },
          { key: CREDIT_CODE, value: nomination.creditCode },
        ],
        staticSummary: `${nomination.name} (${nomination.creditCode})`,
      });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) throw this.duplicate();
      throw e;
    }
    const view = await handle.executeUpdate(awaitOpenedUpdate);
    return { creditCode: nomination.creditCode, workflowId, stage: view.stage, lifecycleNo };
  }

  private duplicate(): Conflict {
    return new Conflict(
      'ACTIVE_LIFECYCLE_EXISTS',
      t('该企业已有进行中的流程', 'the enterprise already has an active lifecycle'),
    );
  }
}
