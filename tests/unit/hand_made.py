"""Sources built in memory, for stage tests on small hand-made texts."""


def make_source(text: str, markup: str = "word-export", conference: str = "Dubai, 2018", status: str = "adopted"):
    """A Source built in memory, for stage tests on small hand-made texts."""
    from corpus.model import Source, SourceMeta

    meta = SourceMeta("Test document", "pp", "Plenipotentiary Conference", conference, int(conference[-4:]), status, markup)
    return Source("test-source", "sources/test-source.txt", tuple(text.split("\n")), "0" * 64, meta)
