import { describe, expect, it } from 'vitest';
import { missingPythonModule } from '../../../actions/migrate/src/tools.ts';

describe('a Python tool whose module is missing', () => {
  it('is one line naming the module and the Debian package, not a traceback', () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/work/app/manage.py", line 3, in <module>',
      '    from django.core.management import execute_from_command_line',
      "ModuleNotFoundError: No module named 'django'",
    ].join('\n');
    const error = missingPythonModule(traceback, 'The status command');
    expect(error?.message).toBe(
      "The status command cannot run: the Python module 'django' is not installed for the Python it runs with.",
    );
    expect(error?.hint).toContain('sudo apt-get install -y python3-django');
    expect(error?.message).not.toContain('\n');
  });

  it('names the top-level package for a submodule, and nothing for other errors', () => {
    expect(missingPythonModule("ModuleNotFoundError: No module named 'alembic.config'", 'x')?.hint).toContain('python3-alembic');
    expect(missingPythonModule('django.db.utils.OperationalError: could not connect', 'x')).toBeUndefined();
  });
});
