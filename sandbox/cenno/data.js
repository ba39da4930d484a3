'use strict';
/**
 * Seeded, deterministic Cenno data. The records printed in the API docs are part of it with their exact
 * ids and values (company 622, user 1178, project 1274, category 1097, item 10346, time entry 14915), so
 * every documented example can be replayed; the generated records around them make lists realistic.
 * Time entry ids stay below 14916 so that, as in the docs' create example, the next entry gets 14916.
 */
const DOC = require('./doc-records.json');

const COMPANY_NAMES = [
	'Northwind Design Oy',
	'Baltic Media Ltd',
	'Helsinki Print House',
	'Aurora Apps',
	'Lakeside Consulting',
	'Polar Foods',
];
const FIRST = [
	'Aino',
	'Mikko',
	'Sanna',
	'Jussi',
	'Laura',
	'Pekka',
	'Elina',
	'Timo',
	'Noora',
	'Ville',
];
const LAST = [
	'Virtanen',
	'Korhonen',
	'Mäkinen',
	'Nieminen',
	'Laine',
	'Heikkinen',
	'Koskinen',
	'Järvinen',
	'Lehtonen',
	'Saarinen',
];
const PROJECT_NAMES = [
	'Website Redesign',
	'Spring Campaign',
	'Mobile App v2',
	'Brand Guidelines',
	'Intranet Migration',
	'Product Launch',
	'SEO Audit',
	'Annual Report',
];
const CATEGORY_NAMES = ['Design', 'Development', 'Content', 'Project management'];
const ITEM_NAMES = [
	'Kick-off meeting',
	'Wireframes',
	'Visual design',
	'Front-end build',
	'Copywriting',
	'Review round',
	'Launch checklist',
	'Retrospective',
];
const ROLES = ['owner', 'admin', 'member', 'member', 'member', 'guest'];

function clone(value) {
	return JSON.parse(JSON.stringify(value));
}

function pad(n) {
	return String(n).padStart(2, '0');
}

/** Local "+03:00" timestamp `minutes` after 2026-01-05 09:00 local. */
function at(minutes) {
	const base = Date.UTC(2026, 0, 5, 6, 0, 0); // 09:00 +03:00
	const d = new Date(base + minutes * 60000 + 3 * 3600000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+03:00`;
}

function day(offsetDays) {
	const d = new Date(Date.UTC(2026, 0, 5) + offsetDays * 86400000);
	return d.toISOString().slice(0, 10);
}

function build(sizes = {}, seededRandom) {
	const n = {
		companies: 4,
		users: 6,
		projects: 6,
		categoriesPerProject: 2,
		itemsPerProject: 4,
		timeEntries: 40,
		...sizes,
	};
	const random = seededRandom(n.randomSeed || 622);
	const hex = (len) =>
		Array.from({ length: len }, () => Math.floor(random() * 16).toString(16)).join('');
	const alnum = (len) => {
		const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		return Array.from({ length: len }, () => chars[Math.floor(random() * chars.length)]).join('');
	};
	const pick = (list) => list[Math.floor(random() * list.length)];

	const state = {
		companies: [],
		users: [],
		projects: [],
		categories: [],
		items: [],
		time_entries: [],
		nextId: {},
	};

	// ---- companies ----
	state.companies.push(clone(DOC.company));
	for (let i = 1; i < n.companies; i++) {
		state.companies.push({
			...clone(DOC.company),
			id: 622 + i,
			title:
				COMPANY_NAMES[(i - 1) % COMPANY_NAMES.length] + (i > COMPANY_NAMES.length ? ` ${i}` : ''),
			city: pick(['Helsinki', 'Tampere', 'Turku', 'Oulu']),
			country: 'Finland',
			phone: `+358 9 ${100000 + i * 7}`,
			created_at: at(i * 30),
			updated_at: at(i * 30 + 5),
			projects_count: 0,
		});
	}

	// ---- users (with the secret fields the real API returns) ----
	state.users.push(clone(DOC.user));
	for (let i = 1; i < n.users; i++) {
		const first = FIRST[(i - 1) % FIRST.length];
		const last = LAST[(i - 1) % LAST.length];
		state.users.push({
			...clone(DOC.user),
			id: 1178 + i,
			first_name: first,
			last_name: last,
			email: `${first.toLowerCase()}.${last
				.toLowerCase()
				.normalize('NFD')
				.replace(/[^a-z]/g, '')}@example.com`,
			role: ROLES[i % ROLES.length],
			company_id: 622,
			crypted_password: `400$8$47$${hex(16)}$${hex(64)}`,
			password_salt: alnum(20),
			persistence_token: hex(128),
			perishable_token: alnum(20),
			token: hex(10),
			current_login_at: at(i * 60),
			last_login_at: at(i * 60 - 1440),
			current_login_ip: `10.0.0.${i}`,
			last_login_ip: `10.0.0.${i}`,
			created_at: at(i * 10),
			updated_at: at(i * 10 + 3),
			last_request_at: at(i * 60 + 2),
			last_password_reset_sent_at: null,
			deleted_at: i === n.users - 1 ? at(9000) : null,
			allow_access: i !== n.users - 1,
		});
	}

	// ---- projects, categories, items ----
	const projectIds = [];
	state.projects.push(clone(DOC.project));
	projectIds.push(1274);
	for (let i = 1; i < n.projects; i++) {
		const id = 1274 + i;
		projectIds.push(id);
		const companyId = state.companies[i % state.companies.length].id;
		const completed = i % 5 === 4;
		state.projects.push({
			...clone(DOC.project),
			id,
			title:
				PROJECT_NAMES[(i - 1) % PROJECT_NAMES.length] + (i > PROJECT_NAMES.length ? ` ${i}` : ''),
			description: `${PROJECT_NAMES[(i - 1) % PROJECT_NAMES.length]} for ${state.companies[i % state.companies.length].title}.`,
			company_id: companyId,
			start_date: day(i * 3),
			end_date: day(i * 3 + 60),
			created_at: at(100 + i * 45),
			updated_at: at(100 + i * 45 + 20),
			items_count: n.itemsPerProject,
			progress_percent: completed ? 100 : (i * 17) % 90,
			completed,
			status_type: completed ? 'closed' : 'open',
		});
	}
	for (const company of state.companies) {
		company.projects_count =
			state.projects.filter((p) => p.company_id === company.id).length || company.projects_count;
	}

	state.categories.push(clone(DOC.category));
	let categoryId = 1098;
	const categoriesByProject = { 1274: [1097] };
	for (const projectId of projectIds) {
		const list = (categoriesByProject[projectId] = categoriesByProject[projectId] || []);
		const already = list.length;
		for (let c = already; c < n.categoriesPerProject; c++) {
			const id = categoryId++;
			list.push(id);
			state.categories.push({
				id,
				project_id: projectId,
				title: CATEGORY_NAMES[c % CATEGORY_NAMES.length],
				position: c,
				created_at: at(200 + id - 1097),
				updated_at: at(200 + id - 1097),
				external_id: null,
			});
		}
	}

	state.items.push(clone(DOC.item));
	let itemId = 10347;
	const itemsByProject = { 1274: [10346] };
	const userIds = state.users.filter((u) => !u.deleted_at).map((u) => u.id);
	for (const projectId of projectIds) {
		const list = (itemsByProject[projectId] = itemsByProject[projectId] || []);
		for (let k = list.length; k < n.itemsPerProject; k++) {
			const id = itemId++;
			list.push(id);
			const done = k === 0 && projectId !== 1274;
			state.items.push({
				...clone(DOC.item),
				id,
				title: ITEM_NAMES[(id - 10347) % ITEM_NAMES.length],
				description: `${ITEM_NAMES[(id - 10347) % ITEM_NAMES.length]} for project ${projectId}.`,
				project_id: projectId,
				category_id: categoriesByProject[projectId][k % categoriesByProject[projectId].length],
				owner_id: 1178,
				assignee_id: userIds[(id - 10347) % userIds.length],
				estimated_hours: 4 + ((id * 7) % 20),
				created_at: at(300 + (id - 10346) * 15),
				updated_at: at(300 + (id - 10346) * 15 + 7),
				status_type: done ? 'closed' : 'open',
				resolved_at: done ? at(300 + (id - 10346) * 15 + 7) : null,
				start_date: day((id - 10346) % 30),
				end_date: day(((id - 10346) % 30) + 10),
			});
		}
	}

	// ---- time entries: generated ids below the documented 14915; two pairs tie on their timestamps ----
	const count = Math.max(0, n.timeEntries - 1);
	const firstId = count < 14915 ? 14915 - count : 20000; // huge benchmark seeds go above the docs' ids
	for (let k = 0; k < count; k++) {
		const item = state.items[(k * 5) % state.items.length];
		const minutes = 1000 + k * 90 - (k % 10 === 1 ? 90 : 0); // entries k and k-1 tie when k % 10 === 1
		const hours = [0.5, 1, 1.5, 2, 3, 4, 6, 7.5][k % 8];
		state.time_entries.push({
			id: firstId + k,
			user_id: userIds[k % userIds.length],
			item_id: item.id,
			project_id: item.project_id,
			date: day(Math.floor(k / 2)),
			hours,
			description: `${item.title}: work session ${k + 1}`,
			created_at: at(minutes),
			updated_at: at(minutes),
			external_id: k % 7 === 0 ? `EXT-${firstId + k}` : null,
			billable: k % 4 !== 3,
		});
	}
	state.time_entries.push(clone(DOC.timeEntry));

	state.nextId = {
		companies: 622 + n.companies,
		users: 1178 + n.users,
		projects: 1274 + n.projects,
		categories: categoryId,
		items: itemId,
		time_entries: Math.max(14916, firstId + count),
	};
	return state;
}

/** Defaults for a record added through the /__cenno test control. */
function template(collection, state) {
	switch (collection) {
		case 'companies':
			return { ...clone(DOC.company), title: 'New company', projects_count: 0 };
		case 'users':
			return {
				...clone(DOC.user),
				first_name: 'New',
				last_name: 'User',
				email: 'new.user@example.com',
			};
		case 'projects':
			return { ...clone(DOC.project), title: 'New project', description: '', items_count: 0 };
		case 'categories':
			return { ...clone(DOC.category), title: 'New category' };
		case 'items':
			return { ...clone(DOC.item), title: 'New item', description: '' };
		case 'time_entries':
			return { ...clone(DOC.timeEntry), description: 'New entry' };
		default:
			return {};
	}
}

module.exports = { build, template, DOC };
