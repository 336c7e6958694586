"""The day a deal entered its stage, as one SQL expression over a row of ``deal``: the date of its
latest event with a ``to_stage``, else the day it was added.

For the deal views, reports and export (the week list reads the moves themselves:
``domain.week_reasons.stage_entered``). A module of its own so a report can use it without
loading the deal commands' store.
"""

STAGE_ENTERED = """COALESCE(
    (SELECT e.on_date FROM deal_event e WHERE e.deal_id = deal.id AND e.to_stage IS NOT NULL
     ORDER BY e.on_date DESC, e.id DESC LIMIT 1),
    substr(deal.created_at, 1, 10))"""
