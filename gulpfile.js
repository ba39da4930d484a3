// Copies node and credential icons (SVG/PNG) and output schemas (__schema__/**/*.json) next to the
// compiled JavaScript in dist/.
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

function copy(glob, to) {
	return () => src(path.resolve(glob), { encoding: false, base: path.resolve(glob.split('/')[0]) }).pipe(dest(path.resolve(to)));
}

task('build:icons', parallel(copy('nodes/**/*.{png,svg}', 'dist/nodes'), copy('credentials/**/*.{png,svg}', 'dist/credentials'), copy('nodes/**/__schema__/**/*.json', 'dist/nodes')));
