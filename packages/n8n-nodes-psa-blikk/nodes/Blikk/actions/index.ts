import type { ResourceDefinition } from '../../../../shared/operation';
import { contact } from './contact';
import { REGISTERS } from './registers';
import { task } from './task';
import { taskAttachment } from './taskAttachment';
import { taskChecklist } from './taskChecklist';
import { taskComment } from './taskComment';
import { timeReport } from './timeReport';
import { user } from './user';
import { userDayStatistic } from './userDayStatistic';

/**
 * Every resource of the Blikk node. A resource is one file (`<resource>.ts`) or, when big, a folder
 * (`<resource>/`, one `<operation>.operation.ts` per operation); the 14 read-only registers
 * (Absence Project … Time Code) are the lines of the table in registers.ts. Output schemas:
 * `../__schema__/v1.0.0/<resource>/<operation>.json`.
 */
export const RESOURCES: ResourceDefinition[] = [
	contact,
	task,
	taskAttachment,
	taskChecklist,
	taskComment,
	timeReport,
	user,
	userDayStatistic,
	...REGISTERS,
];
