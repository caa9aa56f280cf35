// Preloaded into a server under test (node --import): appends the URL of every module it loads,
// ES module or CommonJS, one a line, to the file named by QUOTEGRAPH_LOADED_MODULES_FILE.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.QUOTEGRAPH_LOADED_MODULES_FILE;
if (file) {
  // ES modules (the bundle's chunks, packages left outside it) through the loader's resolve hook...
  register(`data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      appendFileSync(${JSON.stringify(file)}, resolved.url + '\\n');
      return resolved;
    }`)}`);
  // ...and require() (the CommonJS packages inside the bundle call it for Node's built-ins and externals).
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const exported = load.call(this, request, parent, isMain);
    let resolved = request;
    try {
      resolved = Module._resolveFilename(request, parent, isMain);
    } catch {}
    appendFileSync(file, `${resolved}\n`);
    return exported;
  };
}
