"""Reading replies: parse (new text, signature, quotes), classify intent, plan the next step.

- :func:`pitchfit.replies.parse.parse_reply` -> :class:`~pitchfit.replies.parse.ParsedReply`
- :func:`pitchfit.replies.classify.classify_reply` -> ``ReplyIntent``
- :func:`pitchfit.replies.sources.iter_messages` reads files, mbox, Maildir and .jsonl

Submodules are imported on use so ``import pitchfit`` stays fast.
"""
