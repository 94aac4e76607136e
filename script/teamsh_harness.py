"""The machinery of script/oracle: how a script is run and compared.

It runs teamsh the way the oracle's README says real pwsh was run, so that an expected
output recorded with pwsh and teamsh's output can be compared line by line:

- the script and its data files are copied into the folder /tmp/case (error messages print the
  script's path, and pwsh wraps them at 80 columns, so the path must be the same one);
- `teamsh -NoProfile -NonInteractive -File ./NAME.ps1`, stdin from /dev/null;
- environment: PATH kept, plus NO_COLOR=1 TZ=UTC LANG=en_US.UTF-8 HOME=/root, nothing else;
- each line compared with trailing whitespace trimmed, blank lines at the very end ignored, and
  the exit code compared exactly.

/tmp/case is one folder shared by everyone on the machine, so every use of it holds an exclusive
lock on /tmp/case.lock (see `CaseFolder`).
"""

import difflib
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

CASE_DIR = "/tmp/case"
CASE_LOCK = "/tmp/case.lock"
TIMEOUT_SECONDS = 10.0

# Files that hold what a run is expected to print, never copied next to a script.
EXPECTATION_SUFFIXES = (".out", ".err", ".code")

# Pester prints durations (`12ms`, `1.05s`); the oracle replaced each one with `<t>`.
PESTER_DURATION = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:ms|s)\b")


def repo_root():
    """The package root: the folder above script/."""
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def find_oracle(root, explicit=None):
    """The oracle folder: --oracle, $TEAMSH_ORACLE, or ../shared/oracle beside the package.

    A git worktree under /work/wt/NAME finds the shared folder two levels up, so the same rule
    also looks at ../../shared/oracle.
    """
    candidates = [explicit, os.environ.get("TEAMSH_ORACLE"),
                  os.path.join(root, "..", "shared", "oracle"),
                  os.path.join(root, "..", "..", "shared", "oracle")]
    for candidate in candidates:
        if candidate and os.path.isdir(candidate):
            return os.path.realpath(candidate)
    return None


def find_teamsh(root, explicit=None, scratch_path=None):
    """The teamsh binary: --teamsh, else the package's debug build, brought up to date first.

    Build output goes to stderr, so that a --json report on stdout stays clean.
    """
    if explicit:
        path = os.path.abspath(explicit)
        if not os.access(path, os.X_OK):
            raise SystemExit(f"error: {path} is not an executable file")
        return path
    command = ["swift", "build", "--product", "teamsh"]
    if scratch_path:
        command += ["--scratch-path", scratch_path]
    print("building: " + " ".join(command), file=sys.stderr, flush=True)
    if subprocess.run(command, cwd=root, stdout=sys.stderr).returncode != 0:
        raise SystemExit("error: swift build failed")
    bin_dir = subprocess.run(command + ["--show-bin-path"], cwd=root, capture_output=True,
                             text=True).stdout.strip()
    path = os.path.join(bin_dir, "teamsh")
    if not bin_dir or not os.access(path, os.X_OK):
        raise SystemExit(f"error: no teamsh binary at {path} (use --teamsh PATH)")
    return path


def run_environment(tenant=None, extra=None):
    """The environment the oracle ran with; TEAMSH_TENANT only when a fixture is given."""
    env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
           "NO_COLOR": "1", "TZ": "UTC", "LANG": "en_US.UTF-8", "HOME": "/root"}
    if tenant:
        env["TEAMSH_TENANT"] = tenant
    if extra:
        env.update(extra)
    return env


class RunResult:
    """What one run printed: decoded stdout and stderr, exit code (None after a timeout)."""

    def __init__(self, out, err, code, timed_out):
        self.out, self.err, self.code, self.timed_out = out, err, code, timed_out


def run(argv, cwd, env, stdin_text=None, timeout=TIMEOUT_SECONDS):
    """Runs argv in its own process group; on timeout the whole group is killed."""
    try:
        process = subprocess.Popen(argv, cwd=cwd, env=env, start_new_session=True,
                                   stdin=subprocess.PIPE if stdin_text is not None
                                   else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as error:
        return RunResult("", f"harness: cannot run {argv[0]}: {error}\n", None, False)
    timed_out = False
    try:
        out, err = process.communicate(
            stdin_text.encode() if stdin_text is not None else None, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        kill_group(process.pid)
        out, err = process.communicate()
    return RunResult(out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                     None if timed_out else process.returncode, timed_out)


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def normalized_lines(text):
    """Lines with trailing whitespace trimmed and the blank lines at the very end dropped."""
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def read_text(path, default=""):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except FileNotFoundError:
        return default


def read_code(path, default=0):
    """The exit code stored in a `.code` file (missing file: `default`)."""
    text = read_text(path, None)
    if text is None or not text.strip():
        return default
    return int(text.strip())


def compare(expected_out, expected_err, expected_code, result, label="teamsh"):
    """Differences between an expectation and a run, as a list of readable blocks (empty: equal)."""
    problems = []
    if result.timed_out:
        problems.append(f"timed out after {TIMEOUT_SECONDS:g} s (process group killed)")
    elif result.code != expected_code:
        problems.append(f"exit code: expected {expected_code}, got {result.code}")
    for stream, expected, actual in (("stdout", expected_out, result.out),
                                     ("stderr", expected_err, result.err)):
        diff = line_diff(expected, actual, f"expected {stream}", f"{label} {stream}")
        if diff:
            problems.append(diff)
    return problems


def line_diff(expected, actual, expected_name, actual_name):
    """A unified diff of the normalized lines, or '' when they are equal."""
    a, b = normalized_lines(expected), normalized_lines(actual)
    if a == b:
        return ""
    return "\n".join(difflib.unified_diff(a, b, expected_name, actual_name, lineterm=""))


class CaseFolder:
    """Exclusive use of /tmp/case: emptied on entry, filled with the given files.

    The lock file is never deleted, so every process locks the same inode.
    """

    def __init__(self, files=(), trees=()):
        self.files, self.trees = files, trees

    def __enter__(self):
        self.lock = open(CASE_LOCK, "a")
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        shutil.rmtree(CASE_DIR, ignore_errors=True)
        os.makedirs(CASE_DIR)
        for path in self.files:
            shutil.copy2(path, CASE_DIR)
        for path in self.trees:
            shutil.copytree(path, os.path.join(CASE_DIR, os.path.basename(path)), symlinks=True)
        return CASE_DIR

    def __exit__(self, *exc):
        shutil.rmtree(CASE_DIR, ignore_errors=True)
        fcntl.flock(self.lock, fcntl.LOCK_UN)
        self.lock.close()
        return False


class TenantCopy:
    """A fresh copy of a world fixture in a temporary folder of its own.

    teamsh saves the world back into the file (through a temporary file beside it), so each run
    gets its own folder, removed afterwards.
    """

    def __init__(self, fixture):
        self.fixture, self.folder = fixture, None

    def __enter__(self):
        if not self.fixture:
            return None
        self.folder = tempfile.mkdtemp(prefix="teamsh-tenant-")
        path = os.path.join(self.folder, os.path.basename(self.fixture))
        shutil.copyfile(self.fixture, path)
        return path

    def __exit__(self, *exc):
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
        return False
