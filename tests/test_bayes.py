"""The guideline classifier the router mixes in (knowledge/bayes.py)."""

from knowledge.bayes import OUT_OF_SCOPE, NaiveBayes
from knowledge.similarity import Document, bag


def _trained(docs: list[Document]) -> NaiveBayes:
    return NaiveBayes(docs, [bag(d.text) for d in docs])


def _docs() -> list[Document]:
    return [
        Document("A lawyer sent me a friend request", {30: 1.0}, "example"),
        Document("Should I accept a connection from counsel?", {30: 1.0, 28: 0.7}, "example"),
        Document("Do I delete old posts from before my appointment?", {21: 1.0}, "example"),
        Document("我想删除任职前发的旧帖子", {21: 1.0}, "example"),
        Document("How many days of annual leave do I get?", {}, "out_of_scope"),
        # A walkthrough step stands for a whole walkthrough: it must not teach a guideline.
        Document("annual leave request counsel", {17: 1.0}, "walkthrough", tree="x"),
    ]


def test_words_spread_over_a_guidelines_examples_add_up_to_it():
    # "connection" and "friend" are each in one g30 example; "appointment" and "friend"
    # would tie in a single example of g21 ("a friend ... before my appointment").
    docs = [
        Document("Should I accept a connection from counsel?", {30: 1.0}, "example"),
        Document("A lawyer sent me a friend request", {30: 1.0}, "example"),
        Document("A friend saw posts from before my appointment", {21: 1.0}, "example"),
        Document("Delete old posts from before my appointment?", {21: 1.0}, "example"),
    ]
    posterior = _trained(docs).posterior(bag("friend connection"))
    assert max(posterior, key=posterior.get) == 30
    assert abs(sum(posterior.values()) - 1.0) < 1e-9
    posterior = _trained(docs).posterior(bag("friend appointment"))
    assert max(posterior, key=posterior.get) == 21


def test_chinese_is_read_by_its_character_pairs():
    posterior = _trained(_docs()).posterior(bag("任职以前的帖子要不要删除"))
    assert max(posterior, key=posterior.get) == 21


def test_out_of_scope_examples_are_a_class_of_their_own():
    posterior = _trained(_docs()).posterior(bag("annual leave days"))
    assert max(posterior, key=posterior.get) == OUT_OF_SCOPE
    assert 17 not in posterior  # taught only by a walkthrough step


def test_a_question_of_unknown_words_gets_no_opinion():
    assert _trained(_docs()).posterior(bag("zebra quartz")) == {}
    assert _trained(_docs()).posterior(bag("")) == {}
