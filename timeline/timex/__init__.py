"""Time: find the time expressions of an article and normalise them to TIMEX3 values.

``find`` walks an article's expressions in story order; ``spans`` says where they are; ``values``
normalises words to TIMEX3 with the rules of ``absolute`` (calendar names) and ``relative`` (today, last
week, two days later, durations, sets); ``nearest`` picks which Tuesday or March a tense means; ``tense``
reads a clause's tense from the parse; ``words`` holds the vocabulary. Only ``find``, ``spans`` and
``tense`` need spaCy: the package itself imports none of them.
"""
