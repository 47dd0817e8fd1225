"""The program report of an engagement: ``build`` assembles it as plain data, ``docx``
writes it as a Word document; the admin page renders the same data as HTML."""
