"""A one-line progress bar for a terminal (the report goes elsewhere)."""

WIDTH = 30


class ProgressBar:
    """``[########--------------]  120/3000`` redrawn in place on ``stream`` (a management
    command's ``OutputWrapper``) when ``enabled``; ``clear()`` it before writing anything
    else to the same terminal."""

    def __init__(self, stream, total: int, enabled: bool):
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 0
        self.done = 0

    def advance(self) -> None:
        self.done += 1
        self.draw()

    def draw(self) -> None:
        if not self.enabled:
            return
        filled = WIDTH * self.done // self.total
        width = len(str(self.total))
        self.write(f"\r[{'#' * filled}{'-' * (WIDTH - filled)}] {self.done:>{width}}/{self.total}")

    def clear(self) -> None:
        if self.enabled:
            self.write("\r" + " " * (WIDTH + 4 + 2 * len(str(self.total))) + "\r")

    def close(self) -> None:
        self.clear()

    def write(self, text: str) -> None:
        self.stream.write(text, style_func=str, ending="")
        self.stream.flush()
