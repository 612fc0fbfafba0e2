// Cogent's runner for JavaScript code tools; it runs in the session's sandbox, never in the server.
//
//   node runner.cjs describe TOOL_FILE RESULT_FILE
//   node runner.cjs call TOOL_FILE FUNCTION ARGS_FILE RESULT_FILE
//
// A tool module is CommonJS and exports one tool or several (an array, or an object of tools). A
// tool is {name, description, parameters (a JSON schema of the arguments), run(args)}; run may be
// async and its value is the result (strings as they are, anything else as JSON).
'use strict';
const fs = require('fs');
const path = require('path');

function isTool(value) {
  return value !== null && typeof value === 'object' && typeof value.run === 'function';
}

function tools(exported) {
  if (isTool(exported)) return [exported];
  if (Array.isArray(exported)) return exported.filter(isTool);
  if (exported !== null && typeof exported === 'object') {
    return Object.entries(exported)
      .filter(([, value]) => isTool(value))
      .map(([key, value]) => (value.name ? value : Object.assign({ name: key }, value)));
  }
  return [];
}

function describe(tool) {
  return {
    name: String(tool.name),
    description: tool.description ? String(tool.description) : '',
    parameters: tool.parameters || { type: 'object', properties: {} },
  };
}

function text(value) {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value);
  } catch (error) {
    return String(value);
  }
}

async function main(argv) {
  const mode = argv[2];
  const resultFile = argv[argv.length - 1];
  let result;
  try {
    const found = tools(require(path.resolve(argv[3])));
    if (mode === 'describe') {
      result = { ok: true, tools: found.map(describe) };
    } else {
      const args = JSON.parse(fs.readFileSync(argv[5], 'utf8'));
      const tool = found.find((candidate) => String(candidate.name) === argv[4]);
      if (!tool) throw new Error('no tool named ' + argv[4] + ' in the module');
      result = { ok: true, output: text(await tool.run(args)) };
    }
  } catch (error) {
    result = {
      ok: false,
      error_type: (error && error.name) || 'Error',
      error: error && error.message !== undefined ? String(error.message) : String(error),
      traceback: (error && error.stack) || '',
    };
  }
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

main(process.argv);
