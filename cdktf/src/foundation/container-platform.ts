// Where the containers run and come from: the ECS cluster (Container Insights on) and the two image
// repositories — one image for all services, one for the ffmpeg runner. Tags are immutable: a tag
// names one build for good, so what a task definition runs cannot change under it (push each build
// under its own tag, e.g. the git commit, and deploy with MEDIAFLOW_IMAGE_TAG).
import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { Construct } from 'constructs';
import { foundationNames } from '../naming/infra-names';

// Untagged layers are garbage after a day; the last 30 tagged images are what a rollback can use.
const IMAGE_LIFECYCLE = JSON.stringify({
  rules: [
    { rulePriority: 1, description: 'drop untagged images', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }, action: { type: 'expire' } },
    { rulePriority: 2, description: 'keep the last 30 images', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } },
  ],
});

export class ContainerPlatform extends Construct {
  readonly cluster: EcsCluster;
  readonly servicesRepository: EcrRepository;
  readonly runnerRepository: EcrRepository;

  constructor(scope: Construct, id: string, props: { env: string; kmsKeyArn: string }) {
    super(scope, id);
    const { env } = props;
    const names = foundationNames(env);
    this.cluster = new EcsCluster(this, 'cluster', {
      name: names.cluster,
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
    const repository = (key: 'services' | 'runner'): EcrRepository => {
      const repo = new EcrRepository(this, `${key}-repository`, {
        name: names.repository[key],
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: 'IMMUTABLE',
        encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: props.kmsKeyArn }],
        // Images are rebuilt from git; nothing is lost with the repository.
        forceDelete: true,
      });
      new EcrLifecyclePolicy(this, `${key}-lifecycle`, { repository: repo.name, policy: IMAGE_LIFECYCLE });
      return repo;
    };
    this.servicesRepository = repository('services');
    this.runnerRepository = repository('runner');
  }
}
