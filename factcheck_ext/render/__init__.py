"""Turn models into generic docutils nodes that every builder can write."""
