namespace seccoop::agents {
int placeholder() { return 0; }
}  // namespace seccoop::agents
