// Copies what tsc does not emit into each package's dist/: node and credential icons (SVG/PNG), codex
// files (*.node.json) and output schemas (__schema__/**/*.json). Run by scripts/build.js after tsc.
const path = require('path');
const { task, src, dest, parallel } = require('gulp');
const { vendors } = require('./scripts/lib/vendors');

function copy(dir, glob, to) {
	return () =>
		src(glob, { cwd: dir, encoding: false, base: path.join(dir, to) }).pipe(
			dest(path.join(dir, 'dist', to)),
		);
}

const jobs = vendors().flatMap((v) => [
	copy(v.dir, 'nodes/**/*.{png,svg,json}', 'nodes'),
	copy(v.dir, 'credentials/**/*.{png,svg}', 'credentials'),
]);
task('build:icons', parallel(...jobs));
