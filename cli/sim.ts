import { readScenarioFile } from './files';
import { runCli } from './run';

const result = runCli(process.argv.slice(2), readScenarioFile);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
