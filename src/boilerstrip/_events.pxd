# The compiled segmenter's typed fields and C-level methods, for the modules that
# cimport it (_sax.pyx, the SAX driver, calls open/end/data without Python calls).
# Cython reads this beside _events.py; Python never does.

cdef class Segmenter:
    cdef public list nodes
    cdef public list blocks
    cdef public list stack
    cdef public list buf
    cdef public long cur
    cdef public long link_depth
    cdef public long pre_depth
    cdef public long link_chars
    cdef public long skipping
    cdef public long in_title
    cdef public str title
    cdef public bint done

    cpdef open(self, str tag, cls, ident, other)
    cpdef end(self, tag)
    cpdef data(self, str text)
    cdef _flush(self)
