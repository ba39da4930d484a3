import type { ResourceDefinition } from '../../../../shared/operation';
import { category } from './category';
import { company } from './company';
import { item } from './item';
import { project } from './project';
import { timeEntry } from './timeEntry';
import { user } from './user';

/**
 * Every resource of the Cenno node: one file per resource (time entries: a folder, one file per
 * operation). A resource names its default operation by reference (`getAll.value`): n8n's lint
 * reads an object with `name`, `value` and a literal 'getAll' as a dropdown option that must be
 * called "Get Many".
 */
export const RESOURCES: ResourceDefinition[] = [category, company, item, project, timeEntry, user];
