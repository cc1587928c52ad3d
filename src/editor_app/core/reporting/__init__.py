"""The reporting assistant (no Qt): claims a story reports, who reported them, how parties answered.

`propose(text)` returns proposals with character offsets into `text`; `proposal_status` gives
the status the claims model derives once a proposal is accepted.
"""

from editor_app.core.reporting.assistant import ProposedClaim, Reporter, Response, proposal_status, propose
from editor_app.core.reporting.sentences import Sentence, split_sentences

__all__ = ["ProposedClaim", "Reporter", "Response", "Sentence", "proposal_status", "propose", "split_sentences"]
