import { describeInlineCases } from '../helpers/inline-cases.js';
describeInlineCases('Python split mode: operations on the solution\'s objects', 'python-split-objects.json');
