"""Read queries, one module per domain. They return numpy arrays and plain dataclasses, never ORM rows."""
