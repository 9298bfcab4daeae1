import { main } from './main';

// Entry point of `npm run simulate`: exit code 0 ok, 2 bad input, 1 internal error.
process.exitCode = main(process.argv.slice(2));
