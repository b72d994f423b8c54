import { rollup } from 'rollup';
const configs = (await import('/work/main/rollup.config.js')).default;
const scripts = configs[1];
const bundle = await rollup({ input: 'packages/poll/src/define.ts', plugins: scripts.plugins.filter(p => !['delib-loader-table','delib-precompress','delib-all','delib-themes'].includes(p.name)), onwarn(){} });
const { output } = await bundle.generate({ format: 'es', sourcemap: true });
const z = await import('node:zlib');
const code = output[0].code;
console.log('single poll raw', code.length, 'br', z.brotliCompressSync(Buffer.from(code), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
console.log(output[0].map.sources.map(s=>s.replace(/.*node_modules\//,'')).join(' '));
