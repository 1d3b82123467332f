// The container definitions of a task family, parsed from the JSON string Terraform receives.
import { only, resources, type StackJson } from './synthesized-app';

export interface Container {
  name: string;
  image: string;
  command: string[];
  environment: { name: string; value: string }[];
  secrets?: { name: string; valueFrom: string }[];
  portMappings?: { containerPort: number }[];
}

export const containersOf = (stack: StackJson, family: string): Container[] =>
  JSON.parse(String(only(resources(stack, 'aws_ecs_task_definition').filter((t) => t.family === family), `task ${family}`).container_definitions)) as Container[];

/** Every container of every task definition of a stack, with its family. */
export const allContainers = (stack: StackJson): { family: string; container: Container }[] =>
  resources(stack, 'aws_ecs_task_definition').flatMap((t) =>
    (JSON.parse(String(t.container_definitions)) as Container[]).map((container) => ({ family: String(t.family), container })),
  );
