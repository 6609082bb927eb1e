"""The human gate: signed links, review store, review page, decisions.

Entry points:

* ``approval_ui.local.serve_review``: the gate on a laptop (``piigate.schema.approve_unattended``
  stamps an approval without a person, for the demo and tests);
* ``approval_ui.cli.register``: the ``piigate review`` subcommand;
* ``approval_ui.handler.lambda_handler`` / ``request_review``: the gate on AWS;
* ``approval_ui.app.ReviewApp``: the shared request/response core.

See docs/approval.md for the security design and the attacks tested.
"""
