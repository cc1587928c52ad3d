"""One writer per store: writes from any thread run one at a time and in the order asked for,
so our own threads never meet "database is locked", and a write on the UI thread follows the
background writes queued before it (comments re-anchored after a save, then the new comment)."""

from __future__ import annotations

import threading

from editor_app.services.opening import open_store


def test_a_write_from_another_thread_waits_for_the_writes_queued_before_it(tmp_path):
    store = open_store(tmp_path / "desk.db", seed_sample=False)
    article = store.create(title="Talks", body="one")
    release = threading.Event()
    order: list[str] = []

    def queued() -> None:
        release.wait(60)
        store.save(article.id, body="two")
        order.append("queued")

    store.writer.submit(queued)
    ui = threading.Thread(target=lambda: (store.save(article.id, title="Talks again"), order.append("ui")))
    ui.start()
    ui.join(0.5)  # a write that did not wait would be done by now
    release.set()
    ui.join(60)
    store.writer.drain(60)
    assert order == ["queued", "ui"]
    saved = store.get(article.id)
    assert (saved.title, saved.body) == ("Talks again", "two")
    store.close()


def test_many_threads_write_without_a_lock_error(tmp_path):
    store = open_store(tmp_path / "desk.db", seed_sample=False)
    ids = [store.create(title=f"Story {i}", body="").id for i in range(4)]
    errors: list[BaseException] = []

    def write(article_id: int) -> None:
        try:
            for n in range(25):
                store.save(article_id, body=f"version {n}")
                store.writer.submit(store.save, article_id, title=f"Story {article_id} v{n}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert store.writer.drain(120)
    assert errors == []
    assert [store.get(i).body for i in ids] == ["version 24"] * 4
    assert [store.get(i).title for i in ids] == [f"Story {i} v24" for i in ids]
    store.close()


def test_a_transaction_inside_a_transaction_does_not_wait_for_itself(tmp_path):
    store = open_store(tmp_path / "desk.db", seed_sample=False)
    article = store.create(title="Nested", body="x")
    done = threading.Event()

    def nested() -> None:
        with store.writer.lease(), store.writer.lease():
            store.save(article.id, body="y")
        done.set()

    t = threading.Thread(target=nested)
    t.start()
    t.join(60)
    assert done.is_set() and store.get(article.id).body == "y"
    store.close()
