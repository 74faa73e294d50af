namespace seccoop::sim { int time_placeholder() { return 0; } }
