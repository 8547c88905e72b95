"""The domain's one base exception: input a person can get wrong raises a ``ScenarioError``.

    ScenarioError(ValueError)
    ├── YamlError   explorer.content.yamlfile: a file that is not safe, well-formed YAML
    ├── CibError    explorer.cib: a matrix, judgment or scenario that does not fit
    │   └── ScwError    a ScenarioWizard file that cannot be read or written
    └── VoteError   explorer.voting: a vote list that cannot be counted

The app and the command line catch ``ScenarioError`` and show its message; anything else is a
bug and is allowed to surface. Loading a set never raises: its problems are returned as data
(``explorer.content.Problem``), so one bad file does not hide the others.
"""


class ScenarioError(ValueError):
    """Something in a person's input (content, upload, link) that cannot be used as given."""
