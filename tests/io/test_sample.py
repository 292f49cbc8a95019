from annotator.io.sample import add_sample_if_new, sample_document


def test_sample_article_is_a_realistic_report_with_many_quotes():
    doc = sample_document()
    assert 550 <= len(doc.text.split()) <= 700
    assert doc.text.count('"') >= 16  # at least 8 quotes
    assert "she said" in doc.text and "he said" in doc.text
    assert " like " in doc.text  # a simile


def test_sample_is_added_once_and_not_again_after_deletion(project):
    doc = add_sample_if_new(project)
    assert doc is not None and [d.title for d in project.documents()] == [doc.title]
    project.delete_document(doc.id)
    assert add_sample_if_new(project) is None
    assert project.documents() == []
