"""Smart warnings (一脑智查): rules declared in ``resources/warning_rules.json``, one module per rule, evaluated
over the whole store as of any time (``engine``), recorded once per person and rule and worked through their
lifecycle (``service``)."""
