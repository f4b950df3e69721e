from analysis.results import ArticleAnalysis


def test_every_seed_analyses_and_round_trips(seed_analyses):
    for key, a in seed_analyses.items():
        assert a.counts.words > 200, key
        d = a.to_dict()
        assert ArticleAnalysis.from_dict(d).to_dict() == d
