'use strict';
/**
 * Deterministic seed data for the Resource Management (10,000ft) sandbox: an account with people,
 * projects (some with phases), leave types, assignments with subtasks, time entries, expenses,
 * approvals, bill rates, budgets, custom fields, tags, statuses and availabilities. Sizes are chosen so
 * that lists span several pages at the default per_page of 20.
 */
const { seededRandom } = require('../lib/server');

const FIRST = [
	'Tom',
	'Jane',
	'Priya',
	'Lars',
	'Maya',
	'Omar',
	'Sofia',
	'Chen',
	'Aiko',
	'Lukas',
	'Nina',
	'Diego',
	'Elif',
	'Jonas',
	'Fatima',
	'Ravi',
	'Greta',
	'Mateo',
	'Ingrid',
	'Kwame',
	'Lea',
	'Noah',
	'Zoe',
	'Ivan',
	'Amara',
];
const LAST = [
	'Perera',
	'Albert',
	'Shah',
	'Nilsson',
	'Cohen',
	'Haddad',
	'Rossi',
	'Wei',
	'Tanaka',
	'Becker',
	'Kovac',
	'Alvarez',
	'Yilmaz',
	'Berg',
	'Khan',
	'Iyer',
	'Holm',
	'Garcia',
	'Dahl',
	'Mensah',
];
const ROLES = ['Senior', 'Junior', 'Principal', 'Director', 'Associate'];
const DISCIPLINES = [
	'Program Management',
	'Design',
	'Engineering',
	'JavaScript Developer',
	'Ruby Developer',
	'Finance',
];
const LOCATIONS = ['Seattle', 'Berlin', 'Stockholm', 'London', 'Remote'];
const CLIENTS = ['Mango Inc.', 'Northwind', 'Globex', 'Initech', 'Umbrella', null];
const PROJECT_WORDS = [
	'Website Relaunch',
	'Mobile App',
	'Data Warehouse',
	'Brand Refresh',
	'ERP Rollout',
	'Design Planning & Management',
	'Customer Portal',
	'Security Audit',
	'Cloud Migration',
	'Annual Report',
	'Onboarding Flow',
	'Analytics Dashboard',
	'Payment Gateway',
	'Intranet',
	'Field Study',
];
const STATES = ['Confirmed', 'Tentative', 'Internal'];
const TASKS = ['Design', 'Development', 'Meetings', 'Travel', 'QA', 'Research', null];

const pad = (n) => String(n).padStart(2, '0');
const day = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const stamp = (d) =>
	`${day(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
const addDays = (iso, n) => {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return day(d);
};

/** Builds the seed state. `counter` hands out ids shared by assignables (and by users/placeholders). */
function seed({
	users: userCount = 45,
	projects: projectCount = 28,
	timeEntries: entryCount = 160,
	seed: seedValue = 10000,
} = {}) {
	const rnd = seededRandom(seedValue);
	const pick = (list) => list[Math.floor(rnd() * list.length)];
	const int = (min, max) => min + Math.floor(rnd() * (max - min + 1));
	let nextId = 100;
	const id = () => nextId++;
	const base = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
	const when = (offsetHours) => stamp(new Date(base.getTime() + offsetHours * 3600_000));

	const db = {
		users: [],
		placeholders: [],
		projects: [],
		leaveTypes: [],
		assignments: [],
		subtasks: [],
		timeEntries: [],
		expenseItems: [],
		approvals: [],
		billRates: [],
		budgetItems: [],
		timeCategories: [],
		expenseCategories: [],
		customFields: [],
		customFieldValues: [],
		disciplines: DISCIPLINES.map((value, i) => ({ id: i + 1, value })),
		roles: ROLES.map((value, i) => ({ id: i + 1, value })),
		holidays: [],
		tags: [],
		userTags: [],
		projectTags: [],
		statuses: [],
		availabilities: [],
		statusOptions: [],
		webhooks: [],
	};

	for (const [i, name] of ['Vacation', 'Sick', 'Parental Leave', 'Training'].entries()) {
		db.leaveTypes.push({
			id: id(),
			name,
			description: null,
			guid: `0000${i}c7a-8cd2-4434-9c0e-59366a1a65b9`,
			deleted_at: null,
			created_at: when(-1000 + i),
			updated_at: when(-1000 + i),
			type: 'LeaveType',
		});
	}

	for (let i = 0; i < userCount; i++) {
		const first = FIRST[i % FIRST.length];
		const last = LAST[(i * 7) % LAST.length];
		const uid = id();
		db.users.push({
			id: uid,
			first_name: first,
			last_name: last,
			display_name: `${first} ${last}`,
			email: `${first}.${last}${i >= FIRST.length ? i : ''}@example.com`.toLowerCase(),
			user_type_id: i === 0 ? 1 : pick([2, 3, 3, 3, 4, 5, 7]),
			billable: rnd() > 0.2,
			hire_date: addDays('2019-01-07', int(0, 1500)),
			termination_date: null,
			mobile_phone: null,
			office_phone: null,
			archived: i === userCount - 1,
			archived_at: i === userCount - 1 ? when(-10) : null,
			deleted: false,
			deleted_at: null,
			account_owner: i === 0,
			invitation_pending: false,
			user_settings: 0,
			guid: `96d769c7-1b4e-4b07-8baf-${String(uid).padStart(12, '0')}`,
			employee_number: `E${1000 + i}`,
			role: pick(ROLES),
			discipline: pick(DISCIPLINES),
			location: pick(LOCATIONS),
			type: 'User',
			license_type: i % 9 === 8 ? 'managed_resource' : 'licensed',
			billability_target: 100,
			billrate: -1,
			has_login: true,
			login_type: 'default',
			thumbnail: '',
			created_at: when(-900 + i),
			updated_at: when(-900 + i),
		});
	}

	for (const [i, title] of [
		'Designer',
		'Senior Developer',
		'Project Manager',
		'QA Engineer',
		'Data Analyst',
	].entries()) {
		db.placeholders.push({
			id: id(),
			title,
			role: pick(ROLES),
			discipline: pick(DISCIPLINES),
			location: pick(LOCATIONS),
			type: 'PlaceholderResource',
			abbreviation: title.slice(0, 2).toUpperCase(),
			color: 'blue',
			created_at: when(-800 + i),
			updated_at: when(-800 + i),
		});
	}

	for (let i = 0; i < projectCount; i++) {
		const starts = addDays('2025-09-01', int(0, 150));
		const ends = addDays(starts, int(30, 240));
		const pid = id();
		const name = `${PROJECT_WORDS[i % PROJECT_WORDS.length]}${i >= PROJECT_WORDS.length ? ` ${Math.floor(i / PROJECT_WORDS.length) + 1}` : ''}`;
		db.projects.push(
			project({
				id: pid,
				name,
				starts,
				ends,
				created: when(-700 + i),
				code: `PRJ-${100 + i}`,
				client: pick(CLIENTS),
				state: pick(STATES),
				archived: i === projectCount - 1,
			}),
		);
		if (i % 4 === 0) {
			for (const [k, phase] of ['Discovery', 'Delivery'].entries()) {
				const ps = k === 0 ? starts : addDays(starts, 15);
				db.projects.push(
					project({
						id: id(),
						name,
						phase_name: phase,
						parent_id: pid,
						starts: ps,
						ends: k === 0 ? addDays(starts, 14) : ends,
						created: when(-690 + i),
						code: '',
						client: null,
						state: 'Confirmed',
					}),
				);
			}
		}
	}

	const liveUsers = db.users.filter((u) => !u.archived);
	const liveProjects = db.projects.filter((p) => !p.archived && !p.parent_id);
	for (let i = 0; i < 80; i++) {
		const user = liveUsers[i % liveUsers.length];
		const proj =
			i % 10 === 9
				? db.leaveTypes[i % db.leaveTypes.length]
				: liveProjects[(i * 3) % liveProjects.length];
		const starts = addDays('2026-01-05', int(0, 60));
		const mode = pick(['percent', 'percent', 'hours_per_day', 'fixed']);
		const a = {
			id: id(),
			allocation_mode: mode,
			user_id: user.id,
			assignable_id: proj.id,
			starts_at: starts,
			ends_at: addDays(starts, int(0, 13)),
			bill_rate: 150,
			bill_rate_id: null,
			repetition_id: null,
			created_at: when(-600 + i),
			updated_at: when(-600 + i),
			all_day_assignment: true,
			resource_request_id: null,
			status: null,
			status_option_id: null,
			description: i % 3 === 0 ? 'Build wireframes' : null,
			note: null,
		};
		if (mode === 'percent') a.percent = pick([0.25, 0.5, 1]);
		if (mode === 'hours_per_day') a.hours_per_day = pick([2, 4, 6, 8]);
		if (mode === 'fixed') a.fixed_hours = pick([8, 16, 24]);
		db.assignments.push(a);
		if (i % 5 === 0) {
			for (let k = 0; k < 2; k++) {
				db.subtasks.push({
					id: id(),
					assignment_id: a.id,
					assignable_id: a.assignable_id,
					description: k ? 'Review with client' : 'Create wireframe',
					completed: k === 0,
					updated_at: a.created_at,
					created_at: a.created_at,
					updated_by: db.users[0].id,
				});
			}
		}
	}

	const licensed = liveUsers.filter((u) => u.license_type === 'licensed');
	for (let i = 0; i < entryCount; i++) {
		const user = licensed[i % licensed.length];
		const proj = i % 12 === 11 ? db.leaveTypes[0] : liveProjects[(i * 5) % liveProjects.length];
		const created = when(-400 + i);
		db.timeEntries.push({
			id: id(),
			user_id: user.id,
			assignable_id: proj.id,
			assignable_type: proj.type === 'LeaveType' ? 'LeaveType' : 'Project',
			date: addDays('2026-01-05', i % 45),
			hours: pick([0.5, 1, 2, 4, 6, 8]),
			is_suggestion: false,
			scheduled_hours: null,
			task: pick(TASKS),
			notes: i % 4 === 0 ? 'Weekly sync' : null,
			bill_rate: proj.type === 'LeaveType' ? 0 : 150,
			bill_rate_id: null,
			created_at: created,
			updated_at: created,
		});
	}

	for (let i = 0; i < 30; i++) {
		const user = licensed[(i * 2) % licensed.length];
		const proj = liveProjects[i % liveProjects.length];
		db.expenseItems.push({
			id: id(),
			assignable_id: proj.id,
			assignable_type: 'Project',
			user_id: user.id,
			amount: 10 + int(0, 400),
			date: addDays('2026-01-05', i),
			category: pick(['Travel', 'Meals', 'Printing Material', null]),
			notes: i % 2 ? 'Taxi to client' : 'Team lunch',
			created_at: when(-300 + i),
			updated_at: when(-300 + i),
		});
	}

	// A few submitted / approved time entries.
	for (let i = 0; i < 6; i++) {
		const entry = db.timeEntries[i * 7];
		const approved = i % 2 === 1;
		db.approvals.push({
			id: id(),
			status: approved ? 'approved' : 'pending',
			approvable_id: entry.id,
			approvable_type: 'TimeEntry',
			submitted_by: entry.user_id,
			submitted_at: when(-200 + i),
			approved_by: approved ? db.users[0].id : null,
			approved_at: approved ? when(-199 + i) : null,
			created_at: when(-200 + i),
			updated_at: when(-199 + i),
		});
	}

	db.billRates.push(billRate({ id: id(), rate: 200, created: when(-1100) }));
	for (const [i, role] of db.roles.entries())
		db.billRates.push(
			billRate({ id: id(), rate: 120 + i * 20, role_id: role.id, created: when(-1100) }),
		);
	for (const p of liveProjects.slice(0, 8)) {
		db.billRates.push(
			billRate({ id: id(), rate: 150, assignable_id: p.id, created: p.created_at }),
		);
		db.billRates.push(
			billRate({
				id: id(),
				rate: 175,
				assignable_id: p.id,
				user_id: liveUsers[p.id % liveUsers.length].id,
				created: p.created_at,
			}),
		);
	}

	const timeCats = [
		'Time Fees Category 1',
		'Time Fees Category 2',
		'Design Fees',
		'Dragging our Feet',
	];
	for (const [i, category] of timeCats.entries())
		db.timeCategories.push({ category, id: 1083 + i });
	for (const [i, category] of ['Stationary', 'Travel', 'Printing Material'].entries())
		db.expenseCategories.push({ category, id: 1183 + i });
	for (const p of liveProjects.slice(0, 10)) {
		db.budgetItems.push({
			id: id(),
			assignable_id: p.id,
			assignable_parent_id: null,
			category: 'Design Fees',
			amount: 5000,
			item_type: 'TimeFees',
			peritem_amount: null,
			peritem_label: null,
			created_at: p.created_at,
			updated_at: p.created_at,
		});
		db.budgetItems.push({
			id: id(),
			assignable_id: p.id,
			assignable_parent_id: null,
			category: null,
			amount: 120,
			item_type: 'TimeFeesDays',
			peritem_amount: null,
			peritem_label: null,
			created_at: p.created_at,
			updated_at: p.created_at,
		});
		db.budgetItems.push({
			id: id(),
			assignable_id: p.id,
			assignable_parent_id: null,
			category: 'Travel',
			amount: 800,
			item_type: 'Expenses',
			peritem_amount: null,
			peritem_label: null,
			created_at: p.created_at,
			updated_at: p.created_at,
		});
	}

	db.customFields.push({
		id: id(),
		namespace: 'users',
		data_type: 'multiple_choice_selection_list',
		name: 'Skills',
		description: null,
		default_value: null,
		is_visible_on_info_page: true,
		is_visible_as_filter: true,
		options: ['Audio/Video', 'Graphic Design', 'UX', 'Analytics', 'Python', 'Ruby', 'JavaScript'],
	});
	db.customFields.push({
		id: id(),
		namespace: 'assignables',
		data_type: 'selection_list',
		name: 'Region',
		description: 'Sales region',
		default_value: null,
		is_visible_on_info_page: true,
		is_visible_as_filter: false,
		options: ['EMEA', 'APAC', 'Americas'],
	});
	db.customFields.push({
		id: id(),
		namespace: 'assignables',
		data_type: 'string',
		name: 'PO Number',
		description: null,
		default_value: null,
		is_visible_on_info_page: true,
		is_visible_as_filter: false,
		options: [],
	});
	db.customFieldValues.push({
		id: id(),
		custom_field_id: db.customFields[0].id,
		user_id: db.users[1].id,
		value: 'UX',
		custom_field_name: 'Skills',
	});
	db.customFieldValues.push({
		id: id(),
		custom_field_id: db.customFields[1].id,
		project_id: liveProjects[0].id,
		value: 'EMEA',
		custom_field_name: 'Region',
	});

	const holidayList = [
		['2026-01-01', 'New Years Day'],
		['2026-04-03', 'Good Friday'],
		['2026-04-06', 'Easter Monday'],
		['2026-05-01', 'Labour Day'],
		['2026-05-14', 'Ascension Day'],
		['2026-05-25', 'Whit Monday'],
		['2026-06-19', 'Midsummer Eve'],
		['2026-12-24', 'Christmas Eve'],
		['2026-12-25', 'Christmas Day'],
		['2026-12-26', 'Boxing Day'],
		['2026-12-31', 'New Years Eve'],
		['2027-01-01', 'New Years Day'],
	];
	for (const [i, [date, name]] of holidayList.entries())
		db.holidays.push({
			id: 20019 + i,
			date,
			name,
			created_at: when(-1200),
			updated_at: when(-1200),
		});

	for (const value of ['developer', 'javascript', 'Sales', 'intern', 'remote'])
		db.tags.push({ id: id(), value });
	db.userTags.push(
		{ owner: db.users[1].id, tag: db.tags[0].id },
		{ owner: db.users[1].id, tag: db.tags[1].id },
		{ owner: db.users[3].id, tag: db.tags[3].id },
	);
	db.projectTags.push({ owner: liveProjects[0].id, tag: db.tags[2].id });

	db.statuses.push({
		id: id(),
		user_id: db.users[0].id,
		assignable_id: liveProjects[0].id,
		status: 'ITO',
		message: 'Hacking away',
		current_task: null,
		start: null,
		end: null,
		created_at: when(-50),
		updated_at: when(-50),
	});
	db.availabilities.push({
		id: id(),
		user_id: db.users[2].id,
		starts_at: '2026-01-05',
		ends_at: '2026-06-30',
		day0: 0,
		day1: 8,
		day2: 8,
		day3: 4,
		day4: 8,
		day5: 8,
		day6: 0,
		created_at: when(-40),
		updated_at: when(-40),
	});

	for (const [i, [label, color, stage]] of [
		['Not Started', 'blue_bright', 'planned'],
		['On Track', 'green_bright', 'in_progress'],
		['At Risk', 'orange', 'in_progress'],
		['Done', 'green_dark', 'done'],
	].entries()) {
		db.statusOptions.push({
			id: i + 1,
			label,
			color,
			stage,
			order: (i + 1) * 100,
			deleted_at: null,
			created_at: when(-1000),
			updated_at: when(-1000),
		});
	}

	return { db, nextId };

	function project({
		id: pid,
		name,
		phase_name = null,
		parent_id = null,
		starts,
		ends,
		created,
		code,
		client,
		state,
		archived = false,
	}) {
		return {
			id: pid,
			archived,
			archived_at: archived ? created : null,
			description: '',
			guid: `76c4d8d0-4351-4842-8da2-${String(pid).padStart(12, '0')}`,
			name,
			parent_id,
			phase_name,
			project_code: code,
			secureurl: null,
			secureurl_expiration: null,
			settings: 0,
			timeentry_lockout: -1,
			starts_at: starts,
			ends_at: ends,
			deleted_at: null,
			created_at: created,
			updated_at: created,
			use_parent_bill_rates: false,
			thumbnail: null,
			type: 'Project',
			has_pending_updates: false,
			client,
			project_state: state,
		};
	}

	function billRate({
		id: bid,
		rate,
		role_id = null,
		discipline_id = null,
		assignable_id = null,
		user_id = null,
		created,
	}) {
		return {
			id: bid,
			rate,
			discipline_id,
			role_id,
			assignable_id,
			user_id,
			starts_at: null,
			ends_at: null,
			created_at: created,
			updated_at: created,
		};
	}
}

module.exports = { seed, day, stamp, addDays };
