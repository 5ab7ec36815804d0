// The contract's value types are part of this library's interface: clients that import Triangulate see them.
@_exported import TriangulateModel
